import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import { mount } from '@vue/test-utils';
import FormField from './form-field.vue';

function mountField(props: Record<string, unknown>) {
  return mount(FormField, {
    props: { controlId: 'quote-title', label: 'Title', ...props },
    slots: {
      default: (scope: { describedBy: string | undefined; invalid: boolean }) =>
        h('input', { id: 'quote-title', 'aria-describedby': scope.describedBy, 'aria-invalid': scope.invalid ? 'true' : undefined }),
    },
  });
}

describe('FormField', () => {
  it('ties its visible label to the control and describes nothing while there is no hint or error', () => {
    const wrapper = mountField({});

    expect(wrapper.get('label').attributes('for')).toBe('quote-title');
    expect(wrapper.get('label').text()).toBe('Title');
    expect(wrapper.get('input').attributes('aria-describedby')).toBeUndefined();
    expect(wrapper.get('input').attributes('aria-invalid')).toBeUndefined();
    expect(wrapper.findAll('small')).toHaveLength(0);
  });

  it('shows the hint and names it in aria-describedby', () => {
    const wrapper = mountField({ hint: 'Shown on the quote' });

    expect(wrapper.get('#quote-title-hint').text()).toBe('Shown on the quote');
    expect(wrapper.get('#quote-title-hint').classes()).toContain('field-hint');
    expect(wrapper.get('input').attributes('aria-describedby')).toBe('quote-title-hint');
  });

  it('shows the error, marks the control invalid and names the error before the hint', () => {
    const wrapper = mountField({ hint: 'Shown on the quote', error: 'Enter a title', errorId: 'error-title' });

    expect(wrapper.get('#error-title').text()).toBe('Enter a title');
    expect(wrapper.get('#error-title').classes()).toContain('field-error');
    expect(wrapper.get('input').attributes('aria-describedby')).toBe('error-title quote-title-hint');
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true');
  });

  it('gives the label an id when asked (for controls named by aria-labelledby)', () => {
    const wrapper = mountField({ labelId: 'quote-title-label' });

    expect(wrapper.get('label').attributes('id')).toBe('quote-title-label');
  });
});
