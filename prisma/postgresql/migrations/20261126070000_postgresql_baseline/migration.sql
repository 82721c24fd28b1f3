-- Every SQLite migration up to 20261126051123_digest_indexes, as one PostgreSQL baseline; later
-- migrations are written for both databases under the same folder name (prisma/newMigration.ts).
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Instansi" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "policyProfile" TEXT NOT NULL,
    "letterhead" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "remindersPausedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instansi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PerangkatDaerah" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "kepalaId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PerangkatDaerah_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitOrganisasi" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "perangkatDaerahId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "unitType" TEXT NOT NULL,
    "leaderKind" TEXT NOT NULL,
    "headId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitOrganisasi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pegawai" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pegawai_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleHolder" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleHolder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformIdentity" (
    "id" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unreachableAt" TIMESTAMP(3),
    "unreachableReason" TEXT,

    CONSTRAINT "PlatformIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimKerja" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jenis" TEXT NOT NULL,
    "lingkup" TEXT NOT NULL,
    "ownerUnitId" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "maksudTujuan" TEXT,
    "kompetensi" TEXT,
    "openToVolunteers" BOOLEAN NOT NULL DEFAULT false,
    "reportCadence" TEXT NOT NULL,
    "remindersPausedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TimKerja_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamChat" (
    "id" TEXT NOT NULL,
    "timId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "linkedById" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamChat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "timId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "penugasanId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" TEXT NOT NULL,
    "timId" TEXT,
    "penugasanId" TEXT,
    "subKegiatan" TEXT NOT NULL,
    "sasaran" TEXT NOT NULL,
    "indikator" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "satuan" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Penugasan" (
    "id" TEXT NOT NULL,
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
    "startsOn" TIMESTAMP(3),
    "endsOn" TIMESTAMP(3),
    "details" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Penugasan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalStep" (
    "id" TEXT NOT NULL,
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
    "pendingSince" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Laporan" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "timId" TEXT,
    "subjectId" TEXT,
    "penugasanId" TEXT,
    "periodStart" TIMESTAMP(3),
    "periodEnd" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "messageIds" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Laporan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LaporanAttachment" (
    "id" TEXT NOT NULL,
    "laporanId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileName" TEXT,
    "mimeType" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LaporanAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LaporanAddressee" (
    "id" TEXT NOT NULL,
    "laporanId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "capacity" TEXT NOT NULL,

    CONSTRAINT "LaporanAddressee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "laporanId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "flowVersion" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ButtonToken" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "step" TEXT,
    "action" TEXT NOT NULL,
    "args" TEXT NOT NULL,
    "allowedIds" TEXT,
    "messageId" TEXT,
    "singleUse" BOOLEAN NOT NULL DEFAULT true,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ButtonToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundEvent" (
    "eventKey" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundEvent_pkey" PRIMARY KEY ("eventKey")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "pegawaiId" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "sentRef" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "id" TEXT NOT NULL,
    "jobKey" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "instansiId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "platform" TEXT,
    "action" TEXT NOT NULL,
    "rule" TEXT,
    "outcome" TEXT NOT NULL,
    "subject" TEXT,
    "details" TEXT NOT NULL,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluasi" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "timId" TEXT,
    "penugasanId" TEXT,
    "targetId" TEXT,
    "nilai" DOUBLE PRECISION,
    "submitterId" TEXT NOT NULL,
    "hasil" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "returnMode" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "messageIds" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evaluasi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluasiAction" (
    "id" TEXT NOT NULL,
    "evaluasiId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluasiAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kendala" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "timId" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "permasalahan" TEXT NOT NULL,
    "kendala" TEXT NOT NULL,
    "alternatives" TEXT NOT NULL,
    "collaboration" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "decision" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Kendala_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KendalaRecipient" (
    "id" TEXT NOT NULL,
    "kendalaId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "messageId" TEXT,

    CONSTRAINT "KendalaRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KendalaFollowUp" (
    "id" TEXT NOT NULL,
    "kendalaId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KendalaFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PengunduranDiri" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "membershipId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "timId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "messageId" TEXT,
    "decision" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "PengunduranDiri_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermohonanAngkaKredit" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "butir" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "messageId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "PermohonanAngkaKredit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HariLibur" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HariLibur_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cuti" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cuti_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Surat" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "penugasanId" TEXT,
    "kind" TEXT NOT NULL,
    "nomor" TEXT NOT NULL,
    "tahun" INTEGER NOT NULL,
    "urutan" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "document" TEXT NOT NULL,
    "recipients" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Surat_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "TeamChat_platform_workspace_chatId_idx" ON "TeamChat"("platform", "workspace", "chatId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamChat_timId_platform_key" ON "TeamChat"("timId", "platform");

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
CREATE INDEX "Laporan_timId_kind_periodStart_idx" ON "Laporan"("timId", "kind", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "Laporan_authorId_timId_kind_periodStart_key" ON "Laporan"("authorId", "timId", "kind", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "Laporan_authorId_penugasanId_kind_periodStart_key" ON "Laporan"("authorId", "penugasanId", "kind", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "LaporanAddressee_laporanId_pegawaiId_key" ON "LaporanAddressee"("laporanId", "pegawaiId");

-- CreateIndex
CREATE INDEX "Feedback_laporanId_idx" ON "Feedback"("laporanId");

-- CreateIndex
CREATE INDEX "Feedback_authorId_createdAt_idx" ON "Feedback"("authorId", "createdAt");

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

-- CreateIndex
CREATE UNIQUE INDEX "Evaluasi_instansiId_number_key" ON "Evaluasi"("instansiId", "number");

-- CreateIndex
CREATE INDEX "Kendala_timId_status_idx" ON "Kendala"("timId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Kendala_instansiId_number_key" ON "Kendala"("instansiId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "KendalaRecipient_kendalaId_pegawaiId_key" ON "KendalaRecipient"("kendalaId", "pegawaiId");

-- CreateIndex
CREATE UNIQUE INDEX "PengunduranDiri_instansiId_number_key" ON "PengunduranDiri"("instansiId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PermohonanAngkaKredit_instansiId_number_key" ON "PermohonanAngkaKredit"("instansiId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "HariLibur_instansiId_date_key" ON "HariLibur"("instansiId", "date");

-- CreateIndex
CREATE INDEX "Cuti_pegawaiId_endsOn_idx" ON "Cuti"("pegawaiId", "endsOn");

-- CreateIndex
CREATE INDEX "Surat_penugasanId_idx" ON "Surat"("penugasanId");

-- CreateIndex
CREATE UNIQUE INDEX "Surat_instansiId_tahun_urutan_key" ON "Surat"("instansiId", "tahun", "urutan");

-- AddForeignKey
ALTER TABLE "PerangkatDaerah" ADD CONSTRAINT "PerangkatDaerah_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerangkatDaerah" ADD CONSTRAINT "PerangkatDaerah_kepalaId_fkey" FOREIGN KEY ("kepalaId") REFERENCES "Pegawai"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitOrganisasi" ADD CONSTRAINT "UnitOrganisasi_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitOrganisasi" ADD CONSTRAINT "UnitOrganisasi_perangkatDaerahId_fkey" FOREIGN KEY ("perangkatDaerahId") REFERENCES "PerangkatDaerah"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitOrganisasi" ADD CONSTRAINT "UnitOrganisasi_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "UnitOrganisasi"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitOrganisasi" ADD CONSTRAINT "UnitOrganisasi_headId_fkey" FOREIGN KEY ("headId") REFERENCES "Pegawai"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pegawai" ADD CONSTRAINT "Pegawai_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pegawai" ADD CONSTRAINT "Pegawai_homeUnitId_fkey" FOREIGN KEY ("homeUnitId") REFERENCES "UnitOrganisasi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pegawai" ADD CONSTRAINT "Pegawai_penilaiId_fkey" FOREIGN KEY ("penilaiId") REFERENCES "Pegawai"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleHolder" ADD CONSTRAINT "RoleHolder_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleHolder" ADD CONSTRAINT "RoleHolder_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Pegawai"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Pegawai"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformIdentity" ADD CONSTRAINT "PlatformIdentity_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimKerja" ADD CONSTRAINT "TimKerja_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimKerja" ADD CONSTRAINT "TimKerja_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "UnitOrganisasi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamChat" ADD CONSTRAINT "TeamChat_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penugasan" ADD CONSTRAINT "Penugasan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penugasan" ADD CONSTRAINT "Penugasan_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penugasan" ADD CONSTRAINT "Penugasan_assignerId_fkey" FOREIGN KEY ("assignerId") REFERENCES "Pegawai"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penugasan" ADD CONSTRAINT "Penugasan_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penugasan" ADD CONSTRAINT "Penugasan_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "UnitOrganisasi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStep" ADD CONSTRAINT "ApprovalStep_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStep" ADD CONSTRAINT "ApprovalStep_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStep" ADD CONSTRAINT "ApprovalStep_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Pegawai"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Laporan" ADD CONSTRAINT "Laporan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Laporan" ADD CONSTRAINT "Laporan_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Laporan" ADD CONSTRAINT "Laporan_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Laporan" ADD CONSTRAINT "Laporan_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaporanAttachment" ADD CONSTRAINT "LaporanAttachment_laporanId_fkey" FOREIGN KEY ("laporanId") REFERENCES "Laporan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaporanAddressee" ADD CONSTRAINT "LaporanAddressee_laporanId_fkey" FOREIGN KEY ("laporanId") REFERENCES "Laporan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaporanAddressee" ADD CONSTRAINT "LaporanAddressee_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_laporanId_fkey" FOREIGN KEY ("laporanId") REFERENCES "Laporan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Pegawai"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluasi" ADD CONSTRAINT "Evaluasi_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluasi" ADD CONSTRAINT "Evaluasi_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluasi" ADD CONSTRAINT "Evaluasi_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluasiAction" ADD CONSTRAINT "EvaluasiAction_evaluasiId_fkey" FOREIGN KEY ("evaluasiId") REFERENCES "Evaluasi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kendala" ADD CONSTRAINT "Kendala_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KendalaRecipient" ADD CONSTRAINT "KendalaRecipient_kendalaId_fkey" FOREIGN KEY ("kendalaId") REFERENCES "Kendala"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KendalaFollowUp" ADD CONSTRAINT "KendalaFollowUp_kendalaId_fkey" FOREIGN KEY ("kendalaId") REFERENCES "Kendala"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HariLibur" ADD CONSTRAINT "HariLibur_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cuti" ADD CONSTRAINT "Cuti_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only (domain-spec C7): the database refuses to change or delete a row.
CREATE FUNCTION "AuditLog_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only';
END;
$$;

CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "AuditLog_append_only"();
CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "AuditLog_append_only"();
