-- AlterTable
ALTER TABLE "Surat" ALTER COLUMN "urutan" DROP NOT NULL;
