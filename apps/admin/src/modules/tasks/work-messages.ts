// The words of workflow tasks and notifications. The API gives a built-in workflow's text as a
// message code with parameters (`{ code: 'approvals.reviewQuote', params: { number, title } }`):
// it is worded here, in the user's language (i18n `workMessages.<code>.title|notes|body`). Text a
// user typed (a task's title, a workflow's own title) has no code and is shown as it is, and so is
// the stored text of a code this version does not know.
import { useI18n } from 'vue-i18n';

export interface WorkMessage {
  code: string;
  params: Record<string, string>;
}

export type WorkMessagePart = 'title' | 'notes' | 'body';

export function useWorkMessages() {
  const { t, te } = useI18n();

  /** One part of a code's text in the user's language, or null when this version does not word it. */
  function worded(message: WorkMessage, part: WorkMessagePart): string | null {
    const key = `workMessages.${message.code}.${part}`;
    return te(key) ? t(key, message.params) : null;
  }

  function text(message: WorkMessage | null | undefined, part: WorkMessagePart, stored: string): string {
    return (message && worded(message, part)) ?? stored;
  }

  return {
    /** (The workflow editor shows a built-in action's text with it.) */
    worded,
    taskTitle: (task: { title: string; message?: WorkMessage | null }) => text(task.message, 'title', task.title),
    /** The code's notes when it has them; otherwise the task's own (e.g. an approver's notes on "make the changes"). */
    taskNotes: (task: { notes: string; message?: WorkMessage | null }) => text(task.message, 'notes', task.notes),
    notificationTitle: (notification: { title: string; message?: WorkMessage | null }) => text(notification.message, 'title', notification.title),
    notificationBody: (notification: { body: string; message?: WorkMessage | null }) => text(notification.message, 'body', notification.body),
  };
}
