/** Why a file was refused: a summary line, then each problem with its place in the file. */
export function ProblemList(props: {
  summary: string;
  problems: { path: string; message: string }[];
  testId: string;
  max?: number;
}) {
  return (
    <div role="alert" data-testid={props.testId}>
      <p>{props.summary}</p>
      <ul>
        {props.problems.slice(0, props.max ?? 100).map((p, i) => (
          <li key={i}>
            <code>{p.path || '/'}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
