// Adapts the ASL engine (src/engine) to this service's ExecutionEngine port. One Engine per EngineDeps:
// the service builds its deps once, so every execution shares one Engine.
import { Engine, parseDefinition, validateDefinition, type EngineDeps, type StateMachineDefinition } from '../../../engine';
import type { ExecutionEngine } from './engine-port';

export function realEngine(): ExecutionEngine<StateMachineDefinition> {
  const engines = new WeakMap<EngineDeps, Engine>();
  return {
    parse: (definition, options) => parseDefinition(definition, options),
    validate: (definition, options) => validateDefinition(definition, options),
    run(deps, request) {
      let engine = engines.get(deps);
      if (!engine) {
        engine = new Engine(deps);
        engines.set(deps, engine);
      }
      return engine.run(request);
    },
  };
}
