import { EntityManager } from 'typeorm';

// Candidate spans are UTF-16 offsets (JavaScript string indices: text.slice(start, end)),
// so the bound for span.end is the article's length in UTF-16 units. PostgreSQL's
// char_length counts code points, which is shorter by one for every character outside the
// Basic Multilingual Plane (emoji, some CJK): those take two units.
// The article's language comes along: a claim taken from it is in that language unless the
// reporter says otherwise.
// Returns undefined when there is no such article. Claims point into articles (a
// foreign key), so this one read of the articles table lives with the claims that check it.
export async function articleForClaim(
  manager: EntityManager,
  articleId: string,
): Promise<{ length: number; language: string } | undefined> {
  const [row] = (await manager.query(
    `SELECT char_length(text)
              + char_length(regexp_replace(text, '[^\\U00010000-\\U0010FFFF]', '', 'g'))
              AS length, language
       FROM articles WHERE id = $1`,
    [articleId],
  )) as { length: number; language: string }[];
  return row;
}
