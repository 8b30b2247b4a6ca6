// A built-in action's text (a message code, `params.message`) as the workflow editor shows it: each
// part the code words (the title, and the notes or body when the code has them) in the user's
// language (../tasks/work-messages), its params as given: templates such as {{record.number}},
// filled in when the action runs.
import { useWorkMessages, type WorkMessagePart } from '../tasks/work-messages';
import { messageOf, type ActionDescription, type ActionForm } from './workflow-form';
import { useWorkflowLabels } from './workflow-labels';

export interface BuiltInTextPart {
  /** The param the part stands in for (and "Write my own text" fills in). */
  name: WorkMessagePart;
  label: string;
  text: string;
}

const PARTS: readonly WorkMessagePart[] = ['title', 'notes', 'body'];

export function useBuiltInText() {
  const messages = useWorkMessages();
  const labels = useWorkflowLabels();

  /** The parts the action's code words, in the catalogue's order of its params; none when the action has its own text. */
  function partsOf(action: ActionForm, description: ActionDescription | undefined): BuiltInTextPart[] {
    const message = messageOf(action);
    if (!message || !description) return [];
    return description.params.flatMap((param) => {
      const name = PARTS.find((part) => part === param.name);
      if (!name) return [];
      const worded = messages.worded(message, name);
      // A code this version does not word: readers see the stored title (the action's own, else the code).
      const own = action.params[name];
      const text = worded ?? (param.requiredUnless === 'message' ? (typeof own === 'string' && own.trim() ? own : message.code) : null);
      return text === null ? [] : [{ name, label: labels.paramLabel(param), text }];
    });
  }

  return { partsOf };
}
