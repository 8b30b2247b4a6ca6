// Type-checks one project: tsconfig.json's compiler options on the project's own files (and
// whatever they import), reporting errors in the project's files only. The `typecheck` target of
// every project runs it (project-tasks.plugin.ts):
//   node tools/launcher/run-ts.cjs tools/generators/src/project-tasks/typecheck-project.ts libs/quotes/domain
import { resolve } from 'node:path';
import * as ts from 'typescript';

export interface ProjectTypecheck {
  /** The project's files that tsconfig.json covers. */
  files: string[];
  diagnostics: ts.Diagnostic[];
}

export function typecheckProject(workspaceRoot: string, projectRoot: string, tsconfig = 'tsconfig.json'): ProjectTypecheck {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(workspaceRoot, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  if (!parsed) throw new Error(`Cannot read ${tsconfig}`);
  const prefix = `${resolve(workspaceRoot, projectRoot)}/`;
  const files = parsed.fileNames.filter((file) => file.startsWith(prefix));
  // Declaration files stay in: they may declare globals or augment modules the project uses.
  const program = ts.createProgram({ rootNames: [...files, ...parsed.fileNames.filter((file) => file.endsWith('.d.ts'))], options: parsed.options });
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((file) => ts.getPreEmitDiagnostics(program, program.getSourceFile(file))),
  ];
  return { files, diagnostics: ts.sortAndDeduplicateDiagnostics(diagnostics).slice() };
}

if (process.argv[1] === __filename) {
  const [projectRoot] = process.argv.slice(2);
  if (!projectRoot) {
    console.error('usage: typecheck-project.ts <project root>');
    process.exit(2);
  }
  const workspaceRoot = resolve(__dirname, '../../../..');
  const { files, diagnostics } = typecheckProject(workspaceRoot, projectRoot);
  const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => workspaceRoot, getNewLine: () => '\n' };
  if (diagnostics.length) {
    console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
    console.error(`${projectRoot}: ${diagnostics.length} type error(s)`);
    process.exit(1);
  }
  console.log(files.length ? `${projectRoot}: ${files.length} files, no type errors` : `${projectRoot}: none of its files is in tsconfig.json, nothing to check`);
}
