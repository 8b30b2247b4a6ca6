import { CompleteTasksAction } from './complete-tasks.action';
import { CreateTaskAction } from './create-task.action';
import { SendNotificationAction } from './send-notification.action';
import { SendWebhookAction } from './send-webhook.action';
import { SetPropertyAction } from './set-property.action';
import { UpdateDealStageAction } from './update-deal-stage.action';
import { WaitAction } from './wait.action';

/** The actions every installation has (extensions add theirs with `@WorkflowActionProvider()`). */
export const builtInActions = [CreateTaskAction, CompleteTasksAction, SetPropertyAction, SendNotificationAction, UpdateDealStageAction, SendWebhookAction, WaitAction];
