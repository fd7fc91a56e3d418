// The webhook API's shapes as the desk reads them (SPEC §13).
export interface Webhook {
  id: string;
  url: string;
  events: string[];
  format: 'standard' | 'slack';
  filter: { priority?: string[]; tags?: string[] };
  description: string | null;
  active: boolean;
  disabledReason: string | null;
  createdAt: string;
}

export interface Delivery {
  id: string;
  messageId: string;
  type: string;
  status: 'pending' | 'delivering' | 'delivered' | 'failed';
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  attempts: { at: string; statusCode: number | null; durationMs: number; error: string | null }[];
}
