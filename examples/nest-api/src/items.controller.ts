import { Controller, Get, Param } from '@nestjs/common';

const region = process.env.REGION ?? 'local';

@Controller('items')
export class ItemsController {
  @Get(':id')
  find(@Param('id') id: string): { id: string; region: string } {
    return { id, region };
  }
}
