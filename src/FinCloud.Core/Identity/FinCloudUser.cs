using Microsoft.AspNetCore.Identity;

namespace FinCloud.Core.Identity;

/// <summary>A person who signs in. Names and e-mail addresses are personal data: never log them.</summary>
public sealed class FinCloudUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
}
