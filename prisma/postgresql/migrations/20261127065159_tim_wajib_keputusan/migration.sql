-- AlterTable
ALTER TABLE "TimKerja" ADD COLUMN     "wajibKeputusan" BOOLEAN NOT NULL DEFAULT false;
