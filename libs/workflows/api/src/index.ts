// @qa/workflows-api: HTTP controllers and DTOs, queue processors, the Nest modules.
export {};
