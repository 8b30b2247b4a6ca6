// The workflow editor's words for the problems the API reports at a field: the i18n key under
// `workflows.editor.errors` for a field path it knows (`trigger.status`, `conditions.0.value`),
// or none (the page then shows the API's own reason). Pure, no Vue.
const API_PROBLEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^name$/, 'name'],
  [/^reenrollment$/, 'reenrollment'],
  [/^actions$/, 'actions'],
  [/^trigger\.type$/, 'triggerType'],
  [/^trigger\.status$/, 'triggerStatus'],
  [/^trigger\.property$/, 'triggerProperty'],
  [/^trigger\.value$/, 'triggerValue'],
  [/^trigger\.eventName$/, 'triggerEvent'],
  [/^conditions\.\d+\.property$/, 'conditionProperty'],
  [/^conditions\.\d+\.operator$/, 'conditionOperator'],
  [/^conditions\.\d+\.value$/, 'conditionValue'],
  [/^actions\.\d+\.key$/, 'actionKey'],
];

export function problemMessageKey(path: string): string | null {
  const known = API_PROBLEMS.find(([pattern]) => pattern.test(path));
  return known ? `workflows.editor.errors.${known[1]}` : null;
}
