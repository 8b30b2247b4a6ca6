// English messages of Notification settings (/settings/notifications): per kind of change of an
// approval step, notify in the app and by e-mail. Merged into en.ts.
export const notificationSettingsEn = {
  notificationSettings: {
    title: 'Notification settings',
    description: 'Choose how you hear of changes to the approval steps that concern you. Everything is on until you switch it off.',
    linkHint: 'How you hear of approval steps assigned to you, reminders, escalations, delegations, reassignments and decisions: in the app and by e-mail.',
    group: 'Notifications',
    heading: 'Approval steps',
    hint: 'For steps that ask you to decide, the e-mail is the approval e-mail with its Approve and Request changes buttons.',
    caption: 'Notifications about approval steps, by kind and channel',
    kind: 'What happens',
    inApp: 'In the app',
    email: 'By e-mail',
    checkbox: '{kind}: {channel}',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Your notification settings are saved.',
    loading: 'Loading your notification settings…',
    loadFailed: 'Your notification settings could not be loaded.',
    retry: 'Try again',
    failed: 'Your notification settings could not be saved. Try again.',
    kinds: {
      assigned: { label: 'A step waits for me', hint: 'A quote’s approval step starts and you are one of its approvers.' },
      reminded: { label: 'Reminders', hint: 'A step still waits for your decision.' },
      escalated: { label: 'Escalated to me', hint: 'A step waited too long and was handed to you beside its approvers.' },
      delegated: { label: 'Standing in', hint: 'You decide for an approver who is out of office.' },
      reassigned: { label: 'Reassigned', hint: 'An approver’s place was handed to you, or yours to someone else.' },
      decided: { label: 'Decisions on my quotes', hint: 'A quote you own or submitted was approved, or changes were requested.' },
    },
  },
};
