import { Controller, Get, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MikroOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '@qa/shared-http';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ operationId: 'health', summary: 'Database and Redis reachable: 200, otherwise 503 with the failing part' })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 1_500 }), () => this.redis.isHealthy('redis')]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Answer in the API's one error body, naming what is down.
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.keys(result.error ?? {});
      throw new ServiceUnavailableException({ code: 'HEALTH.DOWN', message: `Not healthy: ${down.join(' and ')} not reachable`, details: result.details });
    }
  }
}
