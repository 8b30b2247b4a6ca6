// Test-only: the whole app (App.vue) at a workflows page, as an admin unless `me` says otherwise,
// against a fake API that knows the action catalogue and workflow wf-1 (no runs yet).
import type { ApiSchemas } from '@qa/shared-api-client';
import App from '../../App.vue';
import type { AppLocale } from '../../i18n';
import { ada, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { catalogue, workflow } from '../../testing/work-fixtures';

export function mountWorkflowPage(path: string, routes: Record<string, FakeRoute>, me: ApiSchemas['MeResponse'] = ada, locale: AppLocale = 'en') {
  return mountPage(App, {
    path,
    locale,
    waitFor: 'main h1',
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      'GET /api/v1/notifications': { status: 200, body: { items: [], unread: 0 } },
      'GET /api/v1/tasks/counts': { status: 200, body: { openAssignedToMe: 0 } },
      'GET /api/v1/workflows/actions': { status: 200, body: { items: catalogue } },
      'GET /api/v1/workflows/wf-1': { status: 200, body: workflow() },
      'GET /api/v1/workflows/wf-1/runs': { status: 200, body: { items: [] } },
      ...routes,
    },
  });
}
