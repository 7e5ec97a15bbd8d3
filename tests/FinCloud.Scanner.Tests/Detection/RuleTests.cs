using FinCloud.Scanner.Detection;

namespace FinCloud.Scanner.Tests.Detection;

/// <summary>The finer points of scan-labels.md §2–§5, one rule per test.</summary>
public sealed class RuleTests
{
    [Theory]
    [InlineData("계좌" + "                        " + "110-123-456789", "account@27 110123456789")]
    [InlineData("계좌" + "                         " + "110-123-456789", "")]
    [InlineData("ACCOUNT: 110-123-456789", "account@10 110123456789")]
    [InlineData("{\"acct_no\":\"110-123-456789\"}", "account@13 110123456789")]
    [InlineData("110-123-456789 계좌", "")]
    [InlineData("계좌 3개 중 110-123-456789", "")]
    [InlineData("입금 110-123-456789, 이체 110-123-456789, bank 110-123-456789", "")]
    [InlineData("계좌 110 123 456789", "")]
    [InlineData("계좌 1101234567", "account@4 1101234567")]
    [InlineData("계좌 110123456", "")]
    [InlineData("계좌 110123456789012", "")]
    public void Account_needs_a_keyword_before_it_within_24_characters_without_digits(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Theory]
    [InlineData("01012345678이에요", "phone@1 01012345678")]
    [InlineData("주민번호는9001011234568", "rrn@6 9001011234568")]
    [InlineData("900101-1234568 010-1234-5678", "rrn@1 9001011234568, phone@16 01012345678")]
    [InlineData("v1.900101.1234568", "")]
    [InlineData("a9001011234568", "")]
    [InlineData("9001011234568b", "")]
    [InlineData("_9001011234568_", "rrn@2 9001011234568")]
    [InlineData("(900101-1234568)", "rrn@2 9001011234568")]
    [InlineData("19001011234568", "")]
    [InlineData("900101-1234568.", "rrn@1 9001011234568")]
    [InlineData("900101-1234568.5", "")]
    public void Boundaries_keep_values_out_of_longer_runs_but_let_particles_touch(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Theory]
    [InlineData("010-1234 5678", "")]
    [InlineData("0101234-5678", "")]
    [InlineData("010--1234-5678", "")]
    [InlineData("010.1234.5678", "phone@1 01012345678")]
    [InlineData("010 1234 5678", "phone@1 01012345678")]
    [InlineData("010-123-4567", "")]
    [InlineData("0111234567", "phone@1 0111234567")]
    [InlineData("011-123-4567", "phone@1 0111234567")]
    [InlineData("02-1234-5678", "phone@1 0212345678")]
    [InlineData("0212345678", "")]
    [InlineData("031-123-4567", "phone@1 0311234567")]
    [InlineData("0311234567", "")]
    [InlineData("070-1234-5678", "phone@1 07012345678")]
    [InlineData("070-123-4567", "")]
    [InlineData("050-1234-5678", "")]
    [InlineData("080-123-4567", "")]
    [InlineData("+82 10-1234-5678", "")]
    [InlineData("1588-1234", "")]
    public void Phone_numbers_follow_the_prefix_and_grouping_table(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Theory]
    [InlineData("5500000000000004", "card@1 5500000000000004")]
    [InlineData("2221000000000009", "card@1 2221000000000009")]
    [InlineData("378282246310005", "card@1 378282246310005")]
    [InlineData("3782-822463-10005", "card@1 378282246310005")]
    [InlineData("3782 8224 6310 005", "")]
    [InlineData("6011111111111117", "")]
    [InlineData("카드번호 4111111111111112", "")]
    [InlineData("4111.1111.1111.1111", "card@1 4111111111111111")]
    [InlineData("4111-1111 1111-1111", "")]
    public void Cards_need_a_listed_prefix_the_length_and_the_luhn_check(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Theory]
    [InlineData("120-81-47522", "")]
    [InlineData("100-81-47521", "")]
    [InlineData("116-82-00276", "brn@1 1168200276")]
    [InlineData("BRN=1168200276", "brn@5 1168200276")]
    [InlineData("1168200276", "")]
    [InlineData("116 82 00276", "brn@1 1168200276")]
    public void Business_numbers_need_structure_and_check_digit_and_context_when_bare(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Theory]
    [InlineData("11-19-123456-61", "driver-license@1 111912345661")]
    [InlineData("27-19-123456-61", "")]
    [InlineData("28-19-123456-61", "driver-license@1 281912345661")]
    [InlineData("driver: 111912345661", "driver-license@9 111912345661")]
    [InlineData("서울19-123456-61", "driver-license@1 1912345661")]
    [InlineData("경기도서울 19-123456-61", "")]
    [InlineData("A서울 19-123456-61", "")]
    [InlineData("서울  19-123456-61", "")]
    [InlineData("서울 19-123456-61-5", "")]
    [InlineData("계좌 서울 19-123456-61", "driver-license@4 1912345661")]
    public void Driver_licences_need_a_region_code_or_a_legacy_region_name(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Theory]
    [InlineData("M123A4567", "passport@1 M123A4567")]
    [InlineData("m123A4567", "")]
    [InlineData("M123a4567", "")]
    [InlineData("X123A4567", "")]
    [InlineData("M12345678", "")]
    [InlineData("passport no. M12345678", "passport@14 M12345678")]
    [InlineData("여권 M123456789", "")]
    [InlineData("여권 AM12345678", "")]
    [InlineData("여권 M１２３A４５６７", "passport@4 M123A4567")]
    public void Passports_take_upper_case_letters_and_the_old_form_needs_context(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Theory]
    [InlineData("email=kim@daum.net", "email@7 kim@daum.net")]
    [InlineData("ho***@naver.com", "")]
    [InlineData("admin@localhost", "")]
    [InlineData("a@b.c1", "")]
    [InlineData("x.@naver.com", "")]
    [InlineData("a..b@naver.com", "")]
    [InlineData("kim@-daum.net", "")]
    [InlineData("kim@daum.net...", "email@1 kim@daum.net")]
    [InlineData("a@b@daum.net", "email@3 b@daum.net")]
    [InlineData("<Kim.Lee+tag@Mail.Example.co.kr>", "email@2 kim.lee+tag@mail.example.co.kr")]
    public void Emails_take_the_longest_runs_and_are_never_shortened(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Theory]
    [InlineData("주민등록번호 001301-3234561", "")]
    [InlineData("000229-3234563", "rrn@1 0002293234563")]
    [InlineData("900101-9234568", "")]
    [InlineData("900101-0234568", "")]
    [InlineData("crn 110111-1000481", "")]
    [InlineData("rrn 110111-1000481 corporate", "rrn@5 1101111000481")]
    public void Resident_numbers_need_a_real_past_date_and_no_corporate_context(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Fact]
    public void A_birth_date_after_the_scan_day_is_no_birth_date()
    {
        Scan.Line("rrn 261128-3000000", today: new DateOnly(2026, 11, 27)).ShouldBeEmpty();
        Scan.Line("rrn 261127-3000000", today: new DateOnly(2026, 11, 27)).ShouldHaveSingleItem().Type.ShouldBe(IdentifierType.Rrn);
    }

    [Fact]
    public void Foreigner_numbers_accept_either_check_digit_rule()
    {
        // S mod 11 for 900101-512345 is 1: (11 − 1) mod 10 = 0 and (13 − 1) mod 10 = 2.
        Scan.Line("9001015123450").ShouldHaveSingleItem().Checksum.ShouldBe(ChecksumStatus.Valid);
        Scan.Line("9001015123452").ShouldHaveSingleItem().Checksum.ShouldBe(ChecksumStatus.Valid);
        Scan.Line("9001015123451").ShouldBeEmpty();
        Scan.Line("alien 9001015123451").ShouldHaveSingleItem().Checksum.ShouldBe(ChecksumStatus.Invalid);
    }

    [Fact]
    public void Columns_count_unicode_scalar_values()
    {
        Scan.Line("😀 010-1234-5678").ShouldHaveSingleItem().Column.ShouldBe(3);
        Scan.Line("😀😀계좌 110-123-456789").ShouldHaveSingleItem().Column.ShouldBe(6);
    }

    [Fact]
    public void Tsv_header_context_uses_tabs_and_quotes_toggle()
    {
        var header = HeaderContext.Parse("이름\t\"실명번호\"\t계좌", '\t');
        Scan.Labels("홍길동\t900101-1234567\t1234567890", header).ShouldBe("rrn@5 9001011234567, account@20 1234567890");
        Scan.Labels("\"a\"\"\tb\"\t900101-1234567", header).ShouldBe("rrn@9 9001011234567");
    }

    [Fact]
    public void Delimiters_inside_quotes_do_not_move_later_values_to_another_header_field()
    {
        // Context is asked for at the phone numbers inside the quoted memo too, so the field count goes through a
        // quote, then a delimiter inside quotes with no quote before the next value, then the closing quote.
        var header = HeaderContext.Parse("id,주민등록번호,memo,계좌번호", ',');
        Scan.Labels("1,900101-1234567,\"메모 010-1234-5678, 010-9876-5432\",110-123-456789", header)
            .ShouldBe("rrn@3 9001011234567, phone@22 01012345678, phone@37 01098765432, account@52 110123456789");
        Scan.Labels("1,900101-1234567,메모 010-1234-5678, 010-9876-5432,110-123-456789", header)
            .ShouldBe("rrn@3 9001011234567, phone@21 01012345678, phone@36 01098765432");
    }

    [Fact]
    public void A_corporate_header_column_keeps_valid_numbers_from_being_resident_numbers()
    {
        var header = HeaderContext.Parse("법인명,법인등록번호,대표 주민번호", ',');
        Scan.Labels("(주)핀클라우드,110111-1000481,900101-1234568", header).ShouldBe("rrn@25 9001011234568");
    }

    [Fact]
    public void Overlaps_prefer_the_earliest_then_longest_then_type_order()
    {
        Scan.Labels("01012345678@naver.com").ShouldBe("email@1 01012345678@naver.com");
        Scan.Labels("계좌 010-1234-5678").ShouldBe("phone@4 01012345678");
        Scan.Labels("계좌 900101-1234568").ShouldBe("rrn@4 9001011234568");
        Scan.Labels("계좌 900101-1234567").ShouldBe("account@4 9001011234567");
    }

    [Theory]
    [InlineData("4111111111111111", "card@1 4111111111111111")]
    [InlineData("카드 4111１１１１1111１１１１ 확인", "card@4 4111111111111111")]
    [InlineData("41111111111111111", "")]
    [InlineData("참고 4111111111111111１", "")]
    [InlineData("참고 ４１１１１１１１１１１１１１１１1 끝", "")]
    public void Digit_runs_end_at_the_first_non_digit_whatever_their_length_and_width(string line, string expected)
    {
        // Runs are measured sixteen characters at a time: runs that fill a step exactly, mix ASCII and full-width
        // digits, or go on past sixteen must come out whole.
        Scan.Labels(line).ShouldBe(expected);
    }

    [Fact]
    public void Full_width_digits_count_as_digits_and_keep_columns()
    {
        Scan.Labels("전화 ０１０－１２３４－５６７８").ShouldBe("phone@4 01012345678");
        Scan.Labels("９００１０１－１２３４５６８").ShouldBe("rrn@1 9001011234568");
        Scan.Labels("٩٠٠١٠١-١٢٣٤٥٦٨").ShouldBe("");
        Scan.Labels("900101—1234568").ShouldBe("");
    }
}
