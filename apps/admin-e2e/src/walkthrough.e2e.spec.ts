// The walkthrough of docs/product.md#walkthrough, steps 1 to 8, at 1280 × 800 (the steps are in
// walkthrough-steps.ts; phone-walkthrough.e2e.spec.ts walks them at 390 × 844). Each step saves
// docs/screenshots/walkthrough-<n>-<name>.png.
import { DESKTOP } from './phone-checks';
import { defineWalkthrough } from './walkthrough-steps';

defineWalkthrough(DESKTOP);
