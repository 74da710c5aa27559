/**
 * `npm run eval [DIR…] [--tool duixian|recognizers] [--limit N]`: scores a tool against every `*.gold.json` in the
 * given folders (default ../shared/gold and eval/gold), section by section, and exits 1 when quantity F1 < 0.97 over
 * all keys together or when any section's gate fails. Example: `npm run eval -- eval/gold --limit 50`.
 */
import { resolve } from 'node:path';
import { evaluateBoundFormats } from './bound-formats.eval.ts';
import { evaluateBounds } from './bounds.eval.ts';
import { evaluateCommitments } from './commitments.eval.ts';
import { evaluateCoverage } from './coverage.eval.ts';
import { loadDuixianPredictor } from './duixian.predictor.ts';
import type { EvalContext, EvalSection, SectionResult } from './eval-section.ts';
import { findKeyFiles, loadKey, missingSharedMessage, REPO_ROOT, SHARED_DIR, validateKey, type LoadedKey } from './gold-key.ts';
import { loadOptionalSection, toSectionResult } from './optional-section.ts';
import type { Prediction, Predictor } from './prediction.ts';
import { evaluateQuantities } from './quantities.eval.ts';
import { createRecognizersPredictor } from './recognizers.predictor.ts';

interface Options {
  readonly dirs: string[];
  readonly tool: 'duixian' | 'recognizers';
  readonly limit: number;
  readonly skipCoverage: boolean;
}

function parseArguments(argv: readonly string[]): Options {
  const dirs: string[] = [];
  let tool: Options['tool'] = 'duixian';
  let limit = 40;
  let skipCoverage = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--tool') {
      const value = argv[++i];
      if (value !== 'duixian' && value !== 'recognizers') throw new Error(`--tool takes duixian or recognizers, not ${value}`);
      tool = value;
    } else if (arg === '--limit') {
      limit = Number(argv[++i]);
      if (!Number.isInteger(limit) || limit < 0) throw new Error('--limit takes a whole number');
    } else if (arg === '--no-coverage') {
      skipCoverage = true;
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      dirs.push(resolve(process.cwd(), arg));
    }
  }
  return { dirs: dirs.length > 0 ? dirs : [resolve(SHARED_DIR, 'gold'), resolve(REPO_ROOT, 'eval', 'gold')], tool, limit, skipCoverage };
}

/** The optional sections other helpers write, by file and export name. */
const OPTIONAL_SECTIONS: readonly { file: string; exportName: string; title: string }[] = [
  { file: './relations.eval.ts', exportName: 'evaluateRelations', title: '关系 Relations' },
  { file: './sense.eval.ts', exportName: 'evaluateSense', title: '常识 Sense checks' },
  { file: './followup.eval.ts', exportName: 'evaluateFollowUp', title: '跟踪 Follow-up' },
  { file: './followup-plan.eval.ts', exportName: 'evaluateFollowUpPlan', title: '跟踪（全部目标） Follow-up over the whole plan' },
  { file: './verifier.eval.ts', exportName: 'evaluateVerifier', title: '核验 Verifier on unseen reports' },
  { file: './planted.eval.ts', exportName: 'evaluatePlanted', title: '埋错 Planted-error recall' },
];

function printSection(result: SectionResult): void {
  console.log(`\n== ${result.title} ${'='.repeat(Math.max(0, 60 - result.title.length))}`);
  for (const line of result.lines) console.log(line);
  if (result.gateFailed) console.log(`>> gate failed: ${result.title}`);
}

export async function runEvaluation(argv: readonly string[]): Promise<number> {
  const missing = missingSharedMessage();
  if (missing !== undefined) {
    console.error(missing);
    return 2;
  }
  const options = parseArguments(argv);
  const files = findKeyFiles(options.dirs);
  if (files.length === 0) {
    console.error(`no *.gold.json in ${options.dirs.join(', ')}`);
    return 2;
  }
  const keys: LoadedKey[] = [];
  let keyProblems = 0;
  for (const file of files) {
    const loaded = loadKey(file, SHARED_DIR);
    const problems = validateKey(loaded);
    keyProblems += problems.length;
    for (const problem of problems) console.error(`invalid key ${loaded.name}: ${problem}`);
    keys.push(loaded);
  }

  let predictor: Predictor;
  let extract: EvalContext['extract'];
  if (options.tool === 'recognizers') {
    predictor = createRecognizersPredictor();
  } else {
    const duixian = await loadDuixianPredictor();
    predictor = duixian;
    extract = duixian.extract;
  }
  const cache = new Map<LoadedKey, Prediction>();
  const context: EvalContext = {
    keys,
    predictor,
    predictionFor(key) {
      let prediction = cache.get(key);
      if (!prediction) {
        prediction = predictor.predict(key.text, key.reportYear === undefined ? {} : { reportYear: key.reportYear });
        cache.set(key, prediction);
      }
      return prediction;
    },
    ...(extract ? { extract } : {}),
    corpusDir: resolve(SHARED_DIR, 'corpus'),
    sharedDir: SHARED_DIR,
    listLimit: options.limit,
  };

  console.log(`duixian eval — tool ${predictor.name}, ${keys.length} answer keys: ${keys.map((k) => k.name).join(', ')}`);
  const sections: { title: string; run: EvalSection }[] = [
    { title: '数量 Quantities', run: evaluateQuantities },
    { title: '承诺 Quantified commitments', run: evaluateCommitments },
    { title: '界限 Bounds', run: evaluateBounds },
    { title: '界限 Bounds in text and PDF', run: evaluateBoundFormats },
  ];
  if (!options.skipCoverage) sections.push({ title: '覆盖 Corpus coverage', run: evaluateCoverage });
  for (const optional of OPTIONAL_SECTIONS) {
    try {
      const section = await loadOptionalSection(new URL(optional.file, import.meta.url), optional.exportName);
      if (section) sections.push({ title: optional.title, run: async (c) => toSectionResult(optional.title, await section(c)) });
    } catch (error) {
      sections.push({ title: optional.title, run: () => ({ title: optional.title, lines: [`could not load: ${String(error)}`], gateFailed: true }) });
    }
  }

  const results: SectionResult[] = [];
  for (const section of sections) {
    let result: SectionResult;
    try {
      result = await section.run(context);
    } catch (error) {
      result = { title: section.title, lines: [`section crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`], gateFailed: true };
    }
    results.push(result);
    printSection(result);
  }

  const failed = results.filter((r) => r.gateFailed).map((r) => r.title);
  if (keyProblems > 0) failed.push(`${keyProblems} problems in answer keys`);
  console.log('');
  if (failed.length > 0) {
    console.log(`FAIL: ${failed.join('; ')}`);
    return 1;
  }
  console.log('PASS: every gate holds');
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  runEvaluation(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 2;
    },
  );
}
