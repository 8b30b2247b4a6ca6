// @qa/notifications-api: HTTP controllers and DTOs, queue processors, the Nest modules.
export {};
