/**
 * A host or engine failure, shown as its message (never a stack trace), dismissable.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface ErrorBarProps {
  title: string;
  message: string;
  intent?: "error" | "warning";
  onDismiss?: () => void;
}

export function ErrorBar({ title, message, intent = "error", onDismiss }: ErrorBarProps) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss} aria-label={`Dismiss: ${title}`}>
            Dismiss
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
