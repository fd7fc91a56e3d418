import { ApiProperty } from '@nestjs/swagger';

export class CommentView {
  @ApiProperty() id!: string;
  @ApiProperty() claimId!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() body!: string;
  @ApiProperty() createdAt!: string;
}

export class CommentPageView {
  @ApiProperty({ type: [CommentView] }) items!: CommentView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
