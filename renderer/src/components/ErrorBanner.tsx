/** A visible error message, in the interface language, with the API's explanation. */
import { useI18n } from '../i18n';

/** Shows `message` as an alert. */
export function ErrorBanner({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <div className="error-banner" role="alert">
      {t('errorPrefix')}: <bdi>{message}</bdi>
    </div>
  );
}
