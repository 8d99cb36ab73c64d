import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ItemsController } from './items.controller';

@Module({ controllers: [HealthController, ItemsController] })
export class AppModule {}
