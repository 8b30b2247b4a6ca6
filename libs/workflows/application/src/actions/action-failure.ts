/** Fails a step with a message an admin can act on (it shows in the run history). */
export class ActionFailure extends Error {}
