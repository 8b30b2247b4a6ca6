export const DEAL_STAGES = [
  'appointment_scheduled',
  'qualified_to_buy',
  'presentation_scheduled',
  'decision_maker_bought_in',
  'contract_sent',
  'closed_won',
  'closed_lost',
] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
