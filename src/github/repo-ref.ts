/** A repository by owner and name, as GitHub's REST routes take it. */
export interface RepoRef {
  owner: string;
  repo: string;
}
