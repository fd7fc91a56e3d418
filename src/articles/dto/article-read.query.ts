import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ArticleReadQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'true',
    description:
      'false: the article alone, without its candidates or the lookup of their duplicates ' +
      '(one search per sentence; seconds for a long article on a large desk)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  candidates?: 'true' | 'false';
}
