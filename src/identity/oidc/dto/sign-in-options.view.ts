import { ApiProperty } from '@nestjs/swagger';

export class SignInOptionsView {
  @ApiProperty({
    example: true,
    description:
      "whether the newsroom's identity provider is set up (OIDC_*): the desk then offers " +
      '"Sign in with your newsroom account", which opens /auth/oidc/start',
  })
  oidc!: boolean;
}
