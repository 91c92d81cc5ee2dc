import { federationService, isAuthenticated } from '../shield/rules';

/**
 * Federation entry points every subgraph exposes. `_entities` is reachable by any
 * authenticated caller, so every entity type below carries its own field rules:
 * what a client reaches through `_entities` is judged field by field like the rest.
 */
export const federationQueryRules = {
  _service: federationService,
  _entities: isAuthenticated,
};

export const serviceRules = { _Service: { sdl: federationService } };
