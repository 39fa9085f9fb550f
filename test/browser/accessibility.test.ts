import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, builtWebApp, demoAccount, signInThroughForm } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/test-server.ts';

const { servers, browser } = browserSuite();

/** axe-core is one script, injected into the page under test as it is. */
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1, levels A and AA (SPEC W-A11Y-1). */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 768 },
] as const;
const locales = ['zh-CN', 'en-US'] as const;

/** What axe-core says of one rule a page breaks: only the parts a failure message needs. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary: string }[];
}

/** What to check on a page: all of it, or only part (selectors for axe-core's context). */
interface Scope {
  include?: string[];
  exclude?: string[];
}

/** Runs axe-core on the page as it is now and returns what breaks WCAG 2.1 A or AA. */
async function violationsOn(page: Page, scope: Scope = {}): Promise<Violation[]> {
  await page.addScriptTag({ content: await axeSource });
  return page.evaluate(
    async ([tags, { include, exclude }]) => {
      interface AxeNode {
        target: unknown[];
        html: string;
        failureSummary?: string;
      }
      interface AxeResult {
        id: string;
        impact?: string | null;
        help: string;
        helpUrl: string;
        nodes: AxeNode[];
      }
      const axe = (
        window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: AxeResult[] }> } }
      ).axe;
      const context = {
        ...(include ? { include: include.map((selector) => [selector]) } : {}),
        exclude: (exclude ?? []).map((selector) => [selector]),
      };
      const result = await axe.run(include || exclude ? context : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map(String),
          html: node.html,
          failureSummary: node.failureSummary ?? '',
        })),
      }));
    },
    [wcagTags, scope] as const,
  );
}

/** Says what to fix: each rule broken, and where. */
function report(where: string, violations: readonly Violation[]): string {
  return violations
    .map(
      (violation) =>
        `${where}: ${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}\n` +
        violation.nodes
          .map(
            (node) =>
              `  at ${node.target.join(' ')}\n    ${node.html}\n    ${node.failureSummary.replaceAll('\n', '\n    ')}`,
          )
          .join('\n'),
    )
    .join('\n');
}

/** A page to check: where it is and how to bring it to the state a person looks at. */
interface Visit {
  name: string;
  path: string;
  /** Waits until what matters is on screen. */
  ready: (page: Page) => Promise<void>;
  scope?: Scope;
}

/** Checks each visit in each size and language, signed in, and fails with every violation found. */
async function checkSignedIn(server: TestServer, visits: readonly Visit[]): Promise<void> {
  const found: string[] = [];
  for (const locale of locales) {
    for (const size of sizes) {
      const context = await browser().newContext({
        locale,
        viewport: { width: size.width, height: size.height },
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await signInThroughForm(page, demoAccount('centre1'));
      for (const visit of visits) {
        await page.goto(`${server.url}${visit.path}`);
        await visit.ready(page);
        const violations = await violationsOn(page, visit.scope);
        if (violations.length > 0) found.push(report(`${visit.name}, ${size.name}, ${locale}`, violations));
      }
      await context.close();
    }
  }
  expect(found.join('\n\n'), 'WCAG 2.1 A/AA violations').toBe('');
}

const newCaseForm = 'form.new-case';

const ledgerVisit: Visit = {
  name: 'ledger',
  path: '/',
  ready: (page) => page.locator('ul.case-list > li').first().waitFor(),
  // the new-case form below the list is checked on its own
  scope: { exclude: [newCaseForm] },
};

describe('accessibility (WCAG 2.1 A and AA, checked by axe-core)', () => {
  it('W-A11Y-1: the sign-in page breaks no rule, at phone and desktop size, in Chinese and English', async () => {
    const server = await servers.start({ webRoot: builtWebApp });
    const found: string[] = [];
    for (const locale of locales) {
      for (const size of sizes) {
        const context = await browser().newContext({
          locale,
          viewport: { width: size.width, height: size.height },
        });
        const page = await context.newPage();
        await page.goto(`${server.url}/`);
        await page.getByRole('button', { name: /^(Sign in|登录)$/ }).waitFor();
        const violations = await violationsOn(page);
        if (violations.length > 0) found.push(report(`sign-in, ${size.name}, ${locale}`, violations));
        await context.close();
      }
    }
    expect(found.join('\n\n'), 'WCAG 2.1 A/AA violations').toBe('');
  });

  it('W-A11Y-1: the ledger, a case page, the meetings and a meeting break no rule, at phone and desktop size, in Chinese and English', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    await checkSignedIn(server, [
      ledgerVisit,
      {
        name: 'case page',
        path: '/cases/demo-jt-boundary',
        ready: (page) => page.locator('#case-notes').waitFor(),
      },
      {
        name: 'meetings',
        path: '/meetings',
        ready: (page) => page.getByRole('link', { name: /^(New meeting|新建会议)$/ }).waitFor(),
      },
      {
        name: 'meeting page',
        path: '/meetings/demo-weekly',
        ready: (page) => page.locator('h3[id^="item-"]').first().waitFor(),
      },
    ]);
  });

  it('W-A11Y-1, L-STATS-4: the statistics page breaks no rule, at phone and desktop size, in Chinese and English', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    await checkSignedIn(server, [
      {
        name: 'statistics',
        path: '/statistics',
        // the demo town always has cases of this month (D-DEMO-2): the table is there once the rows are
        ready: (page) => page.locator('table tbody tr').first().waitFor(),
      },
    ]);
  });

  it('W-A11Y-1: the new-case form breaks no rule, at phone and desktop size, in Chinese and English', async () => {
    const server = await servers.start({ webRoot: builtWebApp, seedDemo: true });
    await checkSignedIn(server, [
      {
        name: 'new-case form',
        path: '/',
        ready: async (page) => {
          await page.locator('ul.case-list > li').first().waitFor();
          await page.locator(newCaseForm).scrollIntoViewIfNeeded();
        },
        scope: { include: [newCaseForm] },
      },
    ]);
  });
});
