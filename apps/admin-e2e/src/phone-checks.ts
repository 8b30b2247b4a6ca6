// What every phone screen must pass (issue 19), measured in the page itself: it never scrolls
// sideways, and every visible target is at least 24 × 24 CSS px or far enough from the others
// (WCAG 2.2, 2.5.8 Target Size (Minimum)). Used by phone.e2e.spec.ts, accessibility.e2e.spec.ts and
// the phone walkthrough.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** The page's own width against the window's: the page must never scroll sideways. The message
 * names the last few (innermost) elements that reach past the window's right edge. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const size = await page.evaluate(() => {
    const innerWidth = window.innerWidth;
    /** Inside a box that clips or scrolls sideways: it cannot widen the page (unless it is positioned, then it may escape the box). */
    const clipped = (element: Element): boolean => {
      if (['absolute', 'fixed'].includes(getComputedStyle(element).position)) return false;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const tooWide = Array.from(document.body.querySelectorAll('*'))
      .filter((element) => element.getBoundingClientRect().right > innerWidth + 1 && !clipped(element))
      .slice(-5)
      .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} (right ${Math.round(element.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, tooWide };
  });
  expect(size.scrollWidth, `${what} (${page.url()}): scrollWidth ${size.scrollWidth} px > innerWidth ${size.innerWidth} px; wider: ${size.tooWide.join(', ')}`).toBeLessThanOrEqual(
    size.innerWidth,
  );
}

/** What a pointer can hit: links, buttons, form controls, widgets by role, and what takes focus. */
const TARGETS = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[role="button"]',
  '[role="link"]',
  '[role="checkbox"]',
  '[role="switch"]',
  '[role="radio"]',
  '[role="combobox"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="option"]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * The visible targets smaller than 24 × 24 px that WCAG 2.5.8's exceptions do not cover, one line
 * each (empty when all pass). Exceptions: a link inside a sentence (an inline link whose block has
 * other text), and spacing: a 24 px circle centred on the small target intersects no other target
 * and no other small target's circle. (A target inside another, such as an input in its widget,
 * counts as one target with it.)
 */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const MIN = 24;
    const RADIUS = MIN / 2;
    const shown = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      // Visually hidden (sr-only, PrimeVue's hidden inputs): 1 px boxes no pointer can hit.
      if (box.width <= 1 || box.height <= 1) return false;
      if (!element.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) return false;
      // Inside a visually hidden box that clips it.
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const outer = parent.getBoundingClientRect();
        if ((outer.width <= 1 || outer.height <= 1) && getComputedStyle(parent).overflow !== 'visible') return false;
      }
      return getComputedStyle(element).pointerEvents !== 'none';
    };
    const inSentence = (element: Element): boolean => {
      if (element.tagName !== 'A' || getComputedStyle(element).display !== 'inline') return false;
      const block = element.parentElement;
      const own = (element.textContent ?? '').trim();
      return !!block && (block.textContent ?? '').trim().length > own.length;
    };
    const describe = (element: Element): string => {
      const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const id = element.id ? `#${element.id}` : '';
      const classes = Array.from(element.classList).slice(0, 3).map((name) => `.${name}`).join('');
      return `${element.tagName.toLowerCase()}${id}${classes} "${name}"`;
    };

    const all = Array.from(document.querySelectorAll(selector)).filter(shown);
    // One target per nested group: the outermost.
    const targets = all.filter((element) => !all.some((other) => other !== element && other.contains(element)));
    const boxes = new Map(targets.map((element) => [element, element.getBoundingClientRect()]));
    const small = targets.filter((element) => {
      const box = boxes.get(element)!;
      return (box.width < MIN - 0.5 || box.height < MIN - 0.5) && !inSentence(element);
    });
    const centre = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    /** Whether the circle meets the rectangle: the rectangle's nearest point lies within the radius. */
    const circleMeets = (c: { x: number; y: number }, box: DOMRect): boolean => {
      const dx = Math.max(box.left - c.x, 0, c.x - box.right);
      const dy = Math.max(box.top - c.y, 0, c.y - box.bottom);
      return dx * dx + dy * dy < RADIUS * RADIUS;
    };

    const failing: string[] = [];
    for (const element of small) {
      const box = boxes.get(element)!;
      const c = centre(box);
      const near = targets.find((other) => {
        if (other === element) return false;
        const otherBox = boxes.get(other)!;
        if (small.includes(other)) {
          const o = centre(otherBox);
          return Math.hypot(o.x - c.x, o.y - c.y) < MIN;
        }
        return circleMeets(c, otherBox);
      });
      if (near) failing.push(`${describe(element)} is ${Math.round(box.width)} × ${Math.round(box.height)} px, too close to ${describe(near)}`);
    }
    return failing;
  }, TARGETS);
}

/** Fails with each small target's name, size and neighbour. */
export async function expectTapTargets(page: Page, what: string): Promise<void> {
  expect(await smallTapTargets(page), `${what} (${page.url()}): targets under 24 × 24 px`).toEqual([]);
}
