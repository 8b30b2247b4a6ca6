import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import { mount } from '@vue/test-utils';
import DataTable from './data-table.vue';

function render(props: { busy?: boolean; region?: boolean }) {
  return mount(DataTable, {
    props: { caption: 'Things', tableClass: 'things-table', ...props },
    slots: { head: () => h('tr', [h('th', 'Name')]), default: () => h('tr', [h('td', 'One')]) },
  });
}

describe('DataTable', () => {
  it('puts the caption, the head rows and the body rows in a scrolling box', () => {
    const wrapper = render({ busy: true });
    expect(wrapper.get('div.table-scroll > table.data-table.things-table').attributes('aria-busy')).toBe('true');
    expect(wrapper.get('caption.sr-only').text()).toBe('Things');
    expect(wrapper.get('thead th').text()).toBe('Name');
    expect(wrapper.get('tbody td').text()).toBe('One');
    expect(wrapper.get('.table-scroll').attributes()).not.toHaveProperty('role');
  });

  it('makes the box a focusable region named by the caption, and leaves aria-busy out unless given', () => {
    const wrapper = render({ region: true });
    const box = wrapper.get('.table-scroll');
    expect(box.attributes('role')).toBe('region');
    expect(box.attributes('aria-label')).toBe('Things');
    expect(box.attributes('tabindex')).toBe('0');
    expect(wrapper.get('table').attributes()).not.toHaveProperty('aria-busy');
  });
});
