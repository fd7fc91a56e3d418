import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination/page-query.dto.js';
import { TextField } from '../../common/validation/text.validators.js';
import { ARTICLE_SEARCH_MAX } from '../../domain/articles.js';

export class ListArticlesQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'text found in the headline, outlet or URL, ignoring case',
    maxLength: ARTICLE_SEARCH_MAX,
  })
  @IsOptional()
  @TextField(1, ARTICLE_SEARCH_MAX)
  q?: string;
}
