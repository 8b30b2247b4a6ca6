// The walkthrough of docs/product.md#walkthrough, steps 1 to 8, on a phone (390 × 844, issue 19):
// the same steps as walkthrough.e2e.spec.ts (walkthrough-steps.ts), with the main navigation behind
// the menu button, and no page it visits may scroll sideways. No screenshots (the desktop walk
// takes the docs' ones).
import { PHONE } from './phone-checks';
import { defineWalkthrough } from './walkthrough-steps';

defineWalkthrough(PHONE);
