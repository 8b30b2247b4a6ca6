// The main navigation behind a menu button on narrow screens (below 48rem): the layout owns whether
// it is open; the top bar's button toggles it, the sidebar shows it. It closes on Escape (focus goes
// back to the button) and when the page changes. On wide screens the navigation is always shown and
// the button is hidden (CSS), so the state does not matter there.
import { inject, onBeforeUnmount, onMounted, provide, ref, watch, type InjectionKey, type Ref } from 'vue';
import { useRoute } from 'vue-router';

export const NAV_ID = 'main-nav';
export const NAV_BUTTON_ID = 'main-nav-button';

export interface NavMenu {
  open: Ref<boolean>;
  toggle(): void;
  close(): void;
}

const NAV_MENU: InjectionKey<NavMenu> = Symbol('nav-menu');

function createNavMenu(): NavMenu {
  const open = ref(false);
  return {
    open,
    toggle: () => {
      open.value = !open.value;
    },
    close: () => {
      open.value = false;
    },
  };
}

/** In the layout: the menu's state for the top bar and the sidebar, with Escape and page changes closing it. */
export function provideNavMenu(): NavMenu {
  const menu = createNavMenu();
  provide(NAV_MENU, menu);

  const route = useRoute();
  watch(
    () => route.fullPath,
    () => menu.close(),
  );

  function onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !menu.open.value || event.defaultPrevented) return;
    menu.close();
    document.getElementById(NAV_BUTTON_ID)?.focus();
  }
  onMounted(() => document.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => document.removeEventListener('keydown', onKeydown));
  return menu;
}

/** The layout's menu state (a closed one of its own outside the layout). */
export function useNavMenu(): NavMenu {
  return inject(NAV_MENU, createNavMenu, true);
}
