import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from './access.decorators';

export interface EndpointAccess {
  endpoint: string;
  method: string;
  rule: AccessRule | undefined;
}

/** Every HTTP endpoint of an application with the access rule it declares (undefined: none). */
export function listEndpointAccessRules(app: INestApplicationContext): EndpointAccess[] {
  const reflector = new Reflector();
  const endpoints: EndpointAccess[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        endpoints.push({
          endpoint: `${controller.name}.${name}`,
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
          rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]),
        });
      }
    }
  }
  return endpoints;
}
