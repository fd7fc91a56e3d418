import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { actorOf } from '../auth/actor.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/role.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import {
  CreatedWebhookView,
  CreateWebhookDto,
  DeliveryPageQuery,
  DeliveryPageView,
  DeliveryView,
  UpdateWebhookDto,
  WebhookView,
} from './dto/webhook.dto.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedWebhookView, description: 'the secret is shown only here' })
  @ApiProblems(400, 403, 422)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(actorOf(user), body);
  }

  @Get()
  @ApiOkResponse({ type: [WebhookView] })
  @ApiProblems(403)
  async list(): Promise<{ items: WebhookView[] }> {
    return { items: await this.webhooks.list() };
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookView })
  @ApiProblems(403, 404)
  get(@Param('id', ParseIdPipe) id: string) {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WebhookView })
  @ApiProblems(400, 403, 404, 422)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateWebhookDto,
  ) {
    return this.webhooks.update(actorOf(user), id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(403, 404)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    await this.webhooks.remove(actorOf(user), id);
  }

  @Get(':id/deliveries')
  @ApiOkResponse({ type: DeliveryPageView })
  @ApiProblems(400, 403, 404)
  listDeliveries(@Param('id', ParseIdPipe) id: string, @Query() query: DeliveryPageQuery) {
    return this.deliveries.page(id, query);
  }

  @Post(':id/ping')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DeliveryView })
  @ApiProblems(403, 404, 409)
  ping(@Param('id', ParseIdPipe) id: string) {
    return this.deliveries.ping(id);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DeliveryView })
  @ApiProblems(403, 404, 409)
  redeliver(
    @Param('id', ParseIdPipe) id: string,
    @Param('deliveryId', ParseIdPipe) deliveryId: string,
  ) {
    return this.deliveries.redeliver(id, deliveryId);
  }
}
