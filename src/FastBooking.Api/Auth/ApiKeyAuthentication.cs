using System.Security.Claims;
using System.Text.Encodings.Web;
using FastBooking.Api.Common;
using FastBooking.Application.ApiKeys;
using FastBooking.Application.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FastBooking.Api.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;business api key&gt;</c>: the key finds its business (remembered, unknown keys too, and
/// forgotten on every instance when the business's keys change). A client address that keeps failing is answered 429
/// without its keys being looked up at all — except keys this instance already knows.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyAuthenticator authenticator, IApiKeyStore keys, AuthenticationFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string Throttled = "fastbooking.auth-throttled";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var key = header["Bearer ".Length..].Trim();
        var wellFormed = key.Length is > 0 and <= ApiKeySecret.MaxLength;
        // A key known here is let in at once, whatever others did from this address (perhaps a proxy many clients
        // share); only a key that would cost a lookup counts against the address's failures.
        var business = wellFormed ? authenticator.Remembered(key) : null;
        if (business is null)
        {
            if (!failures.Allows(Context))
            {
                Context.Items[Throttled] = true;
                return AuthenticateResult.Fail("Too many failed authentications from this address.");
            }
            business = wellFormed ? await authenticator.AuthenticateAsync(key, keys, Context.RequestAborted) : null;
        }
        if (business is not { } found)
        {
            failures.Failed(Context);
            return AuthenticateResult.Fail("Unknown API key.");
        }
        var identity = new ClaimsIdentity([new Claim(HttpContextExtensions.BusinessClaim, found.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(Throttled))
        {
            await Throttling.TooManyAsync(Context, failures.Window);
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        await new Problem(ErrorCode.Unauthorized, "Send the business API key as 'Authorization: Bearer <key>'.").ExecuteAsync(Context);
    }
}
