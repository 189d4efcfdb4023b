/**
 * Sign-off report: a Cucumber formatter that writes one self-contained Japanese
 * HTML page (reports/signoff/index.html) and prints it to PDF (signoff.pdf beside it).
 *
 * In playwright.config.ts:
 *
 *   cucumberReporter('./support/reporters/signoff/formatter.ts', {
 *     outputFile: 'reports/signoff/index.html',
 *     projects: projects.map(({ name, use }) => ({ name, use })),
 *   }),
 *
 * playwright-bdd loads this file as a cucumber formatter (its `cucumberReporter` with a path), constructs the
 * default export with IFormatterOptions, replays every message to eventBroadcaster after the run, then awaits
 * finished() before closing the output stream.
 *
 * Options (besides outputFile):
 *   projects   the Playwright projects (name, use): device class, device profile, browser, viewport
 *              (default: the suite's device profiles, support/devices.ts).
 *   project    the project of scenarios whose uri names none: under cucumber-js, the process's device
 *              profile (cucumber.mjs passes it in formatOptions, with pdfFile).
 *   pdfFile    where to print the PDF (default: signoff.pdf beside outputFile); false: no PDF.
 *   manualDir  the manual transcripts (default: manual).
 *   featuresDir  the feature files, whose @pc / @sp tags say which devices a section applies to (default: features).
 *   driftDir   the figure drift records of the run (default: this run's, support/figures/book.ts runDriftRecords).
 *   title      the report's title (default: the manuals' titles).
 *   targetUrl  what was checked (default: TARGET_URL, else 同梱の参照アプリ).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Formatter, type IFormatterOptions } from '@cucumber/cucumber';
import { devices } from '@playwright/test';
import { readDriftRecords, runDriftRecords } from '../../figures/book.ts';
import { approvalKey, approvalOf } from '../../figures/approvals.ts';
import { loadManualIndex } from '../../manual.ts';
import { CHROMIUM_PROFILES } from '../../devices.ts';
import { RunCollector } from './collect.ts';
import { commitOf, deviationsOf, manualRevisionOf, suiteOf, targetOf, type RunFacts } from './facts.ts';
import { type Envelope, toDate } from './messages.ts';
import { buildReport, describeProjects, type ProjectOption } from './model.ts';
import { openPrinter, type Printer } from './pdf.ts';
import { renderHtml, verdictWord } from './render.tsx';
import { noteLine } from '../../writer-note.ts';

export interface SignoffOptions {
  readonly outputFile?: string;
  readonly pdfFile?: string | false;
  readonly manualDir?: string;
  readonly featuresDir?: string;
  readonly driftDir?: string;
  readonly projects?: readonly ProjectOption[];
  readonly project?: string;
  readonly title?: string;
  readonly targetUrl?: string;
}

const DEFAULT_HTML = 'reports/signoff/index.html';
const DEFAULT_PROJECTS: readonly ProjectOption[] = CHROMIUM_PROFILES.map((p) => ({ name: p.name, use: { ...p.use, deviceClass: p.deviceClass } }));
const TAG = '[signoff]';

export default class SignoffFormatter extends Formatter {
  static override readonly documentation = 'Sign-off report: one self-contained Japanese HTML page and its PDF (manual step × device).';

  readonly #run: RunCollector;
  readonly #options: SignoffOptions;
  /** Where the HTML goes: the formatter's stream (outputFile), or a file when the stream is stdout. */
  readonly #htmlPath: string;
  readonly #pdfPath: string | undefined;

  constructor(options: IFormatterOptions) {
    super(options);
    this.#options = (options.parsedArgvOptions ?? {}) as SignoffOptions;
    this.#run = new RunCollector(this.#options.project);
    this.#htmlPath = resolve(this.cwd, this.#options.outputFile ?? DEFAULT_HTML);
    const pdf = this.#options.pdfFile;
    this.#pdfPath = pdf === false ? undefined : resolve(this.cwd, pdf ?? resolve(dirname(this.#htmlPath), 'signoff.pdf'));
    options.eventBroadcaster.on('envelope', (envelope: Envelope) => this.#run.add(envelope));
  }

  override async finished(): Promise<void> {
    try {
      await this.#write();
    } catch (error) {
      console.error(`${TAG} サインオフ報告書を作成できませんでした: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    await super.finished();
  }

  async #write(): Promise<void> {
    // The features say which kinds of device each manual section applies to (ManualIndex.devicesOf).
    const index = loadManualIndex(this.cwd, {
      manualDir: resolve(this.cwd, this.#options.manualDir ?? 'manual'),
      featuresDir: resolve(this.cwd, this.#options.featuresDir ?? 'features'),
    });
    const runs = this.#run.scenarios();
    const configured = this.#options.projects ?? DEFAULT_PROJECTS;
    const projects = describeProjects([...new Set(runs.map((r) => r.project))], configured, devices);
    const report = buildReport(
      runs,
      index,
      projects,
      this.#run.finished?.success,
      configured.map((p) => p.name),
    );
    // Only this run's figures: records an earlier run left (another device, another tag) are not this run's.
    const drift = (this.#options.driftDir ? readDriftRecords(resolve(this.cwd, this.#options.driftDir)) : runDriftRecords())
      .filter((r) => runs.some((run) => run.project === r.project && run.name === r.scenario))
      .map((r) => ({ ...r, sideBySide: r.sideBySide && resolve(this.cwd, r.sideBySide) }));

    let printer: Printer | undefined;
    if (this.#pdfPath) {
      try {
        printer = await openPrinter();
      } catch (error) {
        this.#pdfError(error);
      }
    }
    try {
      const meta = this.#run.meta;
      const facts: RunFacts = {
        target: this.#options.targetUrl ?? targetOf(),
        deviations: this.#options.targetUrl ? [] : deviationsOf(),
        startedAt: toDate(this.#run.startedAt),
        finishedAt: toDate(this.#run.finished?.timestamp),
        suite: suiteOf(this.cwd),
        commit: commitOf(this.cwd),
        runner: meta?.implementation ? `${meta.implementation.name} ${meta.implementation.version ?? ''}`.trim() : undefined,
        platform: [meta?.runtime && `${meta.runtime.name} ${meta.runtime.version ?? ''}`.trim(), meta?.os?.name].filter(Boolean).join('・') || undefined,
        chromium: printer?.chromium,
      };
      const title = this.#options.title ?? index.manuals.map((m) => m.title).join('、');
      const html = renderHtml({
        title,
        report,
        facts,
        // Figures that no longer match the approved ones: a finding for the manual writer, named in the verdict, not failing it.
        drift,
        approvals: new Map(
          drift.flatMap((r) => {
            const approval = approvalOf(resolve(this.cwd, r.approved), r.manualId, r.project);
            return approval ? [[approvalKey(r.manualId, r.project), approval] as const] : [];
          }),
        ),
        manuals: index.manuals.map((m) => ({ file: relative(this.cwd, m.file), title: m.title, ...manualRevisionOf(m.file) })),
        generatedAt: new Date(),
      });
      if (this.stream === process.stdout) {
        mkdirSync(dirname(this.#htmlPath), { recursive: true });
        writeFileSync(this.#htmlPath, html);
      } else {
        this.log(html);
      }
      const where = this.stream === process.stdout || this.#options.outputFile ? relative(process.cwd(), this.#htmlPath) : '出力ストリーム';
      console.log(`${TAG} サインオフ報告書（${verdictWord(report, drift)}）: ${where}`);
      if (report.verdict.status !== 'passed') for (const reason of report.verdict.reasons) console.log(`${TAG}   ${reason}`);
      for (const line of report.verdict.notConfirmed) console.log(`${TAG}   確認していないもの: ${line}`);
      for (const note of report.notes) console.log(`${TAG}   マニュアルへの注記: ${noteLine(note)}（${note.projects.join('、')}）`);
      if (printer && this.#pdfPath) {
        try {
          await printer.print(html, this.#pdfPath);
          console.log(`${TAG} PDF: ${relative(process.cwd(), this.#pdfPath)}`);
        } catch (error) {
          this.#pdfError(error);
        }
      }
    } finally {
      await printer?.close().catch(() => {});
    }
  }

  #pdfError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      `${TAG} PDF を作成できませんでした（${this.#pdfPath ? relative(process.cwd(), this.#pdfPath) : ''}）。HTML の報告書は作成しています。\n` +
        `  原因: ${message.split('\n').join('\n        ')}`,
    );
  }
}
