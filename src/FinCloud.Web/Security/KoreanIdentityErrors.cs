using Microsoft.AspNetCore.Identity;

namespace FinCloud.Web.Security;

/// <summary>Identity's messages that reach people (password rules, a taken address), in Korean with the English after.</summary>
public sealed class KoreanIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"비밀번호는 {length}자 이상이어야 합니다. (At least {length} characters.)" };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "비밀번호에 특수문자를 하나 이상 넣으세요. (Include a symbol.)" };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "비밀번호에 숫자를 하나 이상 넣으세요. (Include a digit.)" };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "비밀번호에 영문 소문자를 하나 이상 넣으세요. (Include a lower-case letter.)" };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "비밀번호에 영문 대문자를 하나 이상 넣으세요. (Include an upper-case letter.)" };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "현재 비밀번호가 올바르지 않습니다. (The current password is not correct.)" };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "이미 계정이 있는 이메일 주소입니다. (That address already has an account.)" };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "이미 계정이 있는 이메일 주소입니다. (That address already has an account.)" };
}
