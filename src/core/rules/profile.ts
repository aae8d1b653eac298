/** STUB — being written: the rule profile format. */
export interface Profile {
  id: string;
  name: string;
}
