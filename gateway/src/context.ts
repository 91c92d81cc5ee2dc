import type { Viewer } from '@casellario/policies';

/** A gateway request's context: who is asking, and the headers passed on to subgraphs. */
export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
  forwardHeaders: Partial<Record<'authorization' | 'x-riferimento' | 'x-request-id' | 'x-request-id-cliente', string>>;
}
