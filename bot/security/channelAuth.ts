/**
 * Bot Framework channel authentication settings. Overriding one OpenID metadata URL switches the
 * SDK to "parameterized" mode, in which every other setting must be given too, or every token is
 * refused; so the public-cloud values go along with the overrides.
 */
import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
// botbuilder's own dependency: CloudAdapter answers 401 only for this very class.
import { AuthenticationError } from 'botframework-connector';

export interface ChannelAuthSettings {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppType?: string;
  MicrosoftAppTenantId?: string;
  ToBotFromChannelOpenIdMetadataUrl?: string;
  ToBotFromEmulatorOpenIdMetadataUrl?: string;
}

/** The public cloud's values (botframework-connector's AuthenticationConstants). */
const PUBLIC_CLOUD = {
  ValidateAuthority: true,
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

/** Options for ConfigurationBotFrameworkAuthentication. */
function channelAuthOptions(s: ChannelAuthSettings): Record<string, string | boolean | undefined> {
  const base = { MicrosoftAppId: s.MicrosoftAppId, MicrosoftAppPassword: s.MicrosoftAppPassword, MicrosoftAppType: s.MicrosoftAppType, MicrosoftAppTenantId: s.MicrosoftAppTenantId };
  if (!s.ToBotFromChannelOpenIdMetadataUrl && !s.ToBotFromEmulatorOpenIdMetadataUrl) return base;
  return {
    ...base,
    ...PUBLIC_CLOUD,
    ToBotFromChannelOpenIdMetadataUrl: s.ToBotFromChannelOpenIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: s.ToBotFromEmulatorOpenIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromEmulatorOpenIdMetadataUrl,
  };
}

/**
 * The SDK lets some token errors through as they are (a bad signature is a JsonWebTokenError),
 * and CloudAdapter turns anything but an AuthenticationError into a 500. Every failure to
 * authenticate a request is the caller's problem, so it becomes a 401 here.
 */
export function createChannelAuthentication(s: ChannelAuthSettings): ConfigurationBotFrameworkAuthentication {
  const auth = new ConfigurationBotFrameworkAuthentication(channelAuthOptions(s));
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity: Activity, authHeader: string) => {
    try {
      return await authenticateRequest(activity, authHeader);
    } catch (err) {
      if (err instanceof AuthenticationError && err.statusCode === 401) throw err;
      throw new AuthenticationError('Unauthorized', 401);
    }
  };
  return auth;
}
