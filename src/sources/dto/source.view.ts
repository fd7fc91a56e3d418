import { ApiProperty } from '@nestjs/swagger';
import { STANCES } from '../../domain/claim-status.js';
import type { Stance } from '../../domain/claim-status.js';
import { SOURCE_KINDS, type SourceKind } from '../../domain/source-kinds.js';

export class SourceView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: SourceKind;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ nullable: true, type: String }) publisher!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class CitingClaimView {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ enum: STANCES }) stance!: Stance;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class SourceWithClaimsView extends SourceView {
  @ApiProperty({ type: [CitingClaimView], description: 'claims citing it, newest first' })
  claims!: CitingClaimView[];
}

export class SourcePageView {
  @ApiProperty({ type: [SourceView] }) items!: SourceView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
