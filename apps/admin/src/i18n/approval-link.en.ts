// English messages of the confirmation page an approval e-mail's links open (/approvals/confirm):
// merged into en.ts.
export const approvalLinkEn = {
  approvalLink: {
    title: 'Confirm your decision',
    loading: 'Checking the link…',
    headingApprove: 'Approve quote {number}?',
    headingRequestChanges: 'Request changes to quote {number}?',
    intro: 'You opened a link from an approval e-mail. Nothing is decided until you confirm below.',
    summary: 'The quote',
    quote: 'Quote',
    titleLabel: 'Title',
    company: 'Company',
    total: 'Total',
    step: 'Step',
    stepOf: 'Step {step} of {steps}',
    why: 'Why it needs approval',
    allQuotes: 'All quotes',
    sentTo: 'This link was sent to you, {name}. It works once, until {until}.',
    onBehalfOf: '{name} is out of office: you decide in their place, and the record says so.',
    notes: 'Notes for the quote’s creator',
    notesHint: 'What should change? The creator gets a task with your notes.',
    notesRequired: 'Write what should change.',
    confirmApprove: 'Approve and publish',
    confirmRequestChanges: 'Request changes',
    deciding: 'Saving your decision…',
    openApprovalPage: 'Open the approval page',
    backToQuotes: 'Go to quotes',
    done: {
      approved: 'You approved quote {number}. It is approved and will be published.',
      pending: 'You approved quote {number}. It now waits for the other approvers.',
      nextStep: 'You approved quote {number}. Step {step} now decides.',
      changesRequested: 'You requested changes to quote {number}. Its creator gets a task with your notes.',
    },
    problems: {
      missing: {
        title: 'This link is incomplete',
        hint: 'Open the link from the e-mail again, or decide on the quote’s approval page.',
      },
      invalid: {
        title: 'This link is not valid',
        hint: 'It may have been cut short or changed. Open the link from the e-mail again, or decide on the quote’s approval page.',
      },
      notYours: {
        title: 'This link is for another approver',
        hint: 'It was sent to someone else, so it decides nothing for you. If you are an approver of this quote, use your own e-mail or the approval page.',
      },
      expired: {
        title: 'This link has expired',
        hint: 'Approval links work for 72 hours. Decide on the quote’s approval page instead.',
      },
      used: {
        title: 'This link was already used',
        hint: 'Your decision from this e-mail is recorded. Nothing was changed now.',
      },
      void: {
        title: 'This link no longer decides anything',
        hint: 'The step was decided, the quote changed, or the round is over. Nothing was changed.',
      },
      rateLimited: {
        title: 'Too many links opened',
        hint: 'Wait a minute and try again.',
      },
      failed: {
        title: 'The link could not be checked',
        hint: 'Something went wrong. Please try again.',
      },
    },
    retry: 'Try again',
  },
};
