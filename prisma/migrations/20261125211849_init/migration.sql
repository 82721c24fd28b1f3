-- CreateTable
CREATE TABLE "Instansi" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "policyProfile" TEXT NOT NULL,
    "letterhead" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PerangkatDaerah" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "kepalaId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PerangkatDaerah_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PerangkatDaerah_kepalaId_fkey" FOREIGN KEY ("kepalaId") REFERENCES "Pegawai" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnitOrganisasi" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "perangkatDaerahId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "unitType" TEXT NOT NULL,
    "leaderKind" TEXT NOT NULL,
    "headId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UnitOrganisasi_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UnitOrganisasi_perangkatDaerahId_fkey" FOREIGN KEY ("perangkatDaerahId") REFERENCES "PerangkatDaerah" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UnitOrganisasi_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "UnitOrganisasi" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "UnitOrganisasi_headId_fkey" FOREIGN KEY ("headId") REFERENCES "Pegawai" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pegawai" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "nip" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "employmentStatus" TEXT NOT NULL,
    "pangkat" TEXT,
    "golongan" TEXT,
    "pendidikan" TEXT,
    "jabatan" TEXT NOT NULL,
    "jenisJabatan" TEXT NOT NULL,
    "jfKategori" TEXT,
    "jfJenjang" TEXT,
    "email" TEXT,
    "homeUnitId" TEXT NOT NULL,
    "penilaiId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Pegawai_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Pegawai_homeUnitId_fkey" FOREIGN KEY ("homeUnitId") REFERENCES "UnitOrganisasi" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Pegawai_penilaiId_fkey" FOREIGN KEY ("penilaiId") REFERENCES "Pegawai" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoleHolder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoleHolder_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleHolder_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Delegation_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Delegation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Pegawai" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Delegation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Pegawai" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlatformIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pegawaiId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "linkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlatformIdentity_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkCode_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkCode_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimKerja" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jenis" TEXT NOT NULL,
    "lingkup" TEXT NOT NULL,
    "ownerUnitId" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "maksudTujuan" TEXT,
    "kompetensi" TEXT,
    "openToVolunteers" BOOLEAN NOT NULL DEFAULT false,
    "reportCadence" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TimKerja_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TimKerja_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "UnitOrganisasi" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "timId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "penugasanId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Membership_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Target" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "timId" TEXT,
    "penugasanId" TEXT,
    "subKegiatan" TEXT NOT NULL,
    "sasaran" TEXT NOT NULL,
    "indikator" TEXT NOT NULL,
    "target" REAL NOT NULL,
    "satuan" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Target_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Target_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Penugasan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "workflow" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "assignerId" TEXT,
    "timId" TEXT,
    "ownerUnitId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startsOn" DATETIME,
    "endsOn" DATETIME,
    "details" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Penugasan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Penugasan_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Penugasan_assignerId_fkey" FOREIGN KEY ("assignerId") REFERENCES "Pegawai" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Penugasan_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Penugasan_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "UnitOrganisasi" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApprovalStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "penugasanId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "performer" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decidedById" TEXT,
    "onBehalfOf" TEXT,
    "reason" TEXT,
    "messageIds" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApprovalStep_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApprovalStep_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Pegawai" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ApprovalStep_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Pegawai" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Laporan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "timId" TEXT,
    "subjectId" TEXT,
    "periodStart" DATETIME,
    "periodEnd" DATETIME,
    "dueAt" DATETIME,
    "status" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Laporan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Laporan_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Pegawai" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Laporan_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LaporanAddressee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "laporanId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "capacity" TEXT NOT NULL,
    CONSTRAINT "LaporanAddressee_laporanId_fkey" FOREIGN KEY ("laporanId") REFERENCES "Laporan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LaporanAddressee_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "laporanId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Feedback_laporanId_fkey" FOREIGN KEY ("laporanId") REFERENCES "Laporan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Pegawai" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pegawaiId" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "flowVersion" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Conversation_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ButtonToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "step" TEXT,
    "action" TEXT NOT NULL,
    "args" TEXT NOT NULL,
    "allowedIds" TEXT,
    "messageId" TEXT,
    "singleUse" BOOLEAN NOT NULL DEFAULT true,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "InboundEvent" (
    "eventKey" TEXT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "pegawaiId" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "sentRef" TEXT,
    "claimedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobKey" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "instansiId" TEXT,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "platform" TEXT,
    "action" TEXT NOT NULL,
    "rule" TEXT,
    "outcome" TEXT NOT NULL,
    "subject" TEXT,
    "details" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Instansi_code_key" ON "Instansi"("code");

-- CreateIndex
CREATE UNIQUE INDEX "PerangkatDaerah_instansiId_code_key" ON "PerangkatDaerah"("instansiId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "UnitOrganisasi_instansiId_code_key" ON "UnitOrganisasi"("instansiId", "code");

-- CreateIndex
CREATE INDEX "Pegawai_homeUnitId_idx" ON "Pegawai"("homeUnitId");

-- CreateIndex
CREATE INDEX "Pegawai_penilaiId_idx" ON "Pegawai"("penilaiId");

-- CreateIndex
CREATE UNIQUE INDEX "Pegawai_instansiId_nip_key" ON "Pegawai"("instansiId", "nip");

-- CreateIndex
CREATE UNIQUE INDEX "RoleHolder_instansiId_role_pegawaiId_key" ON "RoleHolder"("instansiId", "role", "pegawaiId");

-- CreateIndex
CREATE INDEX "Delegation_toId_idx" ON "Delegation"("toId");

-- CreateIndex
CREATE INDEX "PlatformIdentity_pegawaiId_idx" ON "PlatformIdentity"("pegawaiId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformIdentity_platform_workspace_accountId_key" ON "PlatformIdentity"("platform", "workspace", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkCode_codeHash_key" ON "LinkCode"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "TimKerja_instansiId_code_key" ON "TimKerja"("instansiId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_timId_pegawaiId_role_key" ON "Membership"("timId", "pegawaiId", "role");

-- CreateIndex
CREATE INDEX "Penugasan_pegawaiId_idx" ON "Penugasan"("pegawaiId");

-- CreateIndex
CREATE UNIQUE INDEX "Penugasan_instansiId_number_key" ON "Penugasan"("instansiId", "number");

-- CreateIndex
CREATE INDEX "ApprovalStep_assigneeId_status_idx" ON "ApprovalStep"("assigneeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalStep_penugasanId_position_key" ON "ApprovalStep"("penugasanId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "LaporanAddressee_laporanId_pegawaiId_key" ON "LaporanAddressee"("laporanId", "pegawaiId");

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_pegawaiId_key" ON "Conversation"("pegawaiId");

-- CreateIndex
CREATE INDEX "ButtonToken_messageId_idx" ON "ButtonToken"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledRun_jobKey_dueAt_key" ON "ScheduledRun"("jobKey", "dueAt");
