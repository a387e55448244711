/** Keeps one screen's failure from blanking the whole window: the error is shown, the rest still works. */
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** The message's heading, in the interface language. */
  title: string;
  retryLabel: string;
}

/** Catches render errors below it and shows them with a way to try again. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-banner" role="alert">
        <strong>{this.props.title}</strong> <bdi>{this.state.error.message}</bdi>{' '}
        <button type="button" onClick={() => this.setState({ error: null })}>
          {this.props.retryLabel}
        </button>
      </div>
    );
  }
}
