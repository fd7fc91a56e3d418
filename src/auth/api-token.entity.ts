import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// Only the SHA-256 of a token is stored; the token itself is shown once, at issue.
@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column('char', { length: 64 })
  tokenHash!: string;

  @Column('text', { nullable: true })
  label!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;
}
