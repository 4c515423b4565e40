print("s3x")
