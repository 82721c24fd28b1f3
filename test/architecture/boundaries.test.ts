import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const CHAT_SDK = /from\s+['"](telegraf|grammy|@slack\/[\w-]+|@telegraf\/[\w-]+)(\/[^'"]*)?['"]/;
const PRISMA = /from\s+['"](@prisma\/[\w-]+|[^'"]*db\/generated[^'"]*|[^'"]*src\/db\/[^'"]*)['"]/;
const ADAPTERS = /from\s+['"][^'"]*adapters\/[^'"]*['"]/;
const FLOWS = /from\s+['"][^'"]*flows\/[^'"]*['"]/;

async function tsFiles(...dirs: string[]): Promise<string[]> {
  const lists = await Promise.all(dirs.map(async (dir) => (await readdir(dir, { recursive: true }))
    .filter((f) => f.endsWith('.ts') && !f.includes('generated')).map((f) => `${dir}/${f}`)));
  return lists.flat();
}

describe('architecture boundaries (style R2)', () => {
  it('keeps every chat SDK out of src/ and flows/', async () => {
    for (const file of await tsFiles('src', 'flows')) expect(await readFile(file, 'utf8'), file).not.toMatch(CHAT_SDK);
  });

  it('keeps Prisma, the database layer and the wall clock out of flows/', async () => {
    for (const file of await tsFiles('flows')) {
      const source = await readFile(file, 'utf8');
      expect(source, file).not.toMatch(PRISMA);
      expect(source, file).not.toMatch(/Date\.now\(|new Date\(\)/);
    }
  });

  it('lets only src/main.ts import adapters/ and flows/ from src/', async () => {
    for (const file of await tsFiles('src')) {
      if (file === 'src/main.ts') continue;
      const source = await readFile(file, 'utf8');
      expect(source, file).not.toMatch(ADAPTERS);
      expect(source, file).not.toMatch(FLOWS);
    }
  });

  it('keeps adapters away from flows/ and the database', async () => {
    for (const file of await tsFiles('adapters')) {
      const source = await readFile(file, 'utf8');
      expect(source, file).not.toMatch(FLOWS);
      expect(source, file).not.toMatch(PRISMA);
    }
  });

  it('has checkers that catch a violation', () => {
    expect(`import { Telegraf } from 'telegraf'`).toMatch(CHAT_SDK);
    expect(`import { App } from '@slack/bolt'`).toMatch(CHAT_SDK);
    expect(`import { PrismaClient } from '../src/db/generated/client'`).toMatch(PRISMA);
    expect(`import { createAdapters } from '../adapters/index'`).toMatch(ADAPTERS);
  });
});
